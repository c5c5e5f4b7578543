"""The words the rules planner knows for who made a picture and where it was shown: artists and websites.

Plain data. Prompts written for image models name artists, often in lowercase and without a "by"
("..., artgerm, greg rutkowski, alphonse mucha"), the sites the picture should look at home on
("trending on artstation", "cgsociety"), and the films and games whose look they want ("bioshock
infinite"). A name on these lists is a style wherever it stands, kept as written; artists.py reads the
names these lists do not hold from where they stand (after "by").
"""

from __future__ import annotations

# Artists, photographers and film makers that prompts name most; lowercase, as tokens read them.
ARTIST_NAMES = frozenset(
    {"greg rutkowski", "rutkowski", "alphonse mucha", "mucha", "artgerm", "wlop", "ross tran", "rossdraws",
     "james jean", "makoto shinkai", "hayao miyazaki", "miyazaki", "studio ghibli", "beksinski",
     "zdzislaw beksinski", "hr giger", "h r giger", "h.r. giger", "giger", "moebius", "jean giraud",
     "craig mullins", "simon stalenhag", "thomas kinkade", "ilya kuvshinov", "loish", "sakimichan",
     "krenz cushart", "john singer sargent", "rembrandt", "van gogh", "vincent van gogh", "monet",
     "claude monet", "salvador dali", "dali", "picasso", "pablo picasso", "edward hopper", "norman rockwell",
     "frank frazetta", "frazetta", "boris vallejo", "syd mead", "ralph mcquarrie", "tim burton",
     "wes anderson", "stanley kubrick", "peter mohrbacher", "tom bagshaw", "charlie bowater", "karol bak",
     "ruan jia", "jordan grimmer", "thomas cole", "albert bierstadt", "ivan aivazovsky", "ivan shishkin",
     "caspar david friedrich", "gustav klimt", "klimt", "egon schiele", "james gurney",
     "marc simonetti", "jakub rozalski", "dan mumford", "android jones", "alex grey", "kilian eng", "beeple",
     "yoshitaka amano", "katsuhiro otomo", "hajime sorayama", "junji ito", "takashi murakami", "hokusai",
     "hiroshige", "yayoi kusama", "banksy", "andy warhol", "roy lichtenstein", "keith haring", "basquiat",
     "rene magritte", "magritte", "m.c. escher", "escher", "hieronymus bosch", "bruegel",
     "caravaggio", "vermeer", "leonardo da vinci", "da vinci", "michelangelo", "botticelli", "bouguereau",
     "william-adolphe bouguereau", "john william waterhouse", "waterhouse", "alma-tadema", "leyendecker",
     "j.c. leyendecker", "annie leibovitz", "steve mccurry", "ansel adams", "sally mann", "paolo roversi",
     "richard avedon", "helmut newton", "irving penn", "gregory crewdson", "david lachapelle",
     "cindy sherman", "diane arbus", "vivian maier", "henri cartier-bresson", "dorothea lange",
     "tim walker", "peter lindbergh", "nan goldin", "wong kar-wai", "denis villeneuve", "ridley scott",
     "roger deakins", "guillermo del toro", "satoshi kon", "mamoru oshii", "tsutomu nihei", "kentaro miura",
     "akira toriyama", "eiichiro oda", "range murata", "ashley wood", "jamie hewlett",
     "mike mignola", "moebius jean giraud", "jesper ejsing", "magali villeneuve", "raymond swanland",
     "gerald brom", "donato giancola", "john howe", "alan lee", "ted nasmith", "michael whelan",
     "chris foss", "john berkey", "peter elson", "chris moore", "jim burns", "bruce pennington",
     "richard schmid", "jeremy lipking", "anders zorn", "joaquin sorolla", "sorolla", "j. m. w. turner",
     "john constable", "winslow homer", "andrew wyeth", "georgia o'keeffe", "frida kahlo", "edvard munch",
     "wassily kandinsky", "kandinsky", "piet mondrian", "mondrian", "mark rothko", "rothko",
     "jackson pollock", "pollock", "henri matisse", "matisse", "paul cezanne", "cezanne", "renoir",
     "degas", "edgar degas", "toulouse-lautrec", "seurat", "georges seurat", "paul gauguin", "gauguin",
     "goya", "francisco goya", "el greco", "titian", "rubens", "jan van eyck", "durer",
     "albrecht durer", "william blake", "gustave dore", "arthur rackham", "john bauer",
     "ivan bilibin", "kay nielsen", "edmund dulac", "maxfield parrish", "j.r.r. tolkien", "beatrix potter",
     "quentin blake", "mary blair", "don bluth", "glen keane", "genndy tartakovsky", "lois van baarle",
     "atey ghailan", "sergey kolesov", "feng zhu", "sparth", "stephan martiniere", "noah bradley",
     "eddie mendoza", "ian mcque", "john park", "wadim kashin", "anato finnstark", "sam spratt",
     "bastien lecouffe-deharme", "bastien lecouffe deharme", "anna dittmann", "ross draws", "guweiz",
     "jeremy mann", "casey baugh", "malcolm liepke", "alex ross", "jim lee", "frank miller", "todd mcfarlane",
     "jack kirby", "hergé", "herge", "goro fujita", "cory loftis", "dreamworks", 
     "edward gorey", "zdzisław beksiński", "wayne barlowe", "james c christensen", "esao andrews",
     "mark ryden", "ray caesar", "nicoletta ceccoli", "victo ngai", "tomer hanuka", "conrad roset",
     "audrey kawasaki", "joao ruas", "aaron horkey", "sachin teng", "sam yang", "lilia alvarado",
     "remedios varo", "leonora carrington", "max ernst", "yves tanguy",
     "giorgio de chirico", "de chirico", "ralph steadman", "jean-michel basquiat", "gordon parks",
     "richard scarry"}
)  # fmt: skip
# Sites whose look a prompt asks for; a style wherever they stand, with "trending on" or "featured on".
WEBSITE_NAMES = frozenset(
    {"artstation", "art station", "cgsociety", "cg society", "deviantart", "deviant art", "pixiv", "behance",
     "furaffinity", "fur affinity", "unsplash", "flickr", "500px", "instagram", "dribbble", "polycount",
     "zbrush central", "conceptartworld", "cgtrader", "sketchfab", "tumblr", "pinterest", "reddit",
     "shutterstock", "getty images", "national geographic", "nat geo", "vogue", "imdb", "pixiv fanbox", "fanbox"}
)  # fmt: skip
# Films and games whose look prompts ask for by title ('..., bioshock infinite, 35mm'): a style wherever
# they stand. Titles that are common words ('halo', 'dune') are left out: they name things too.
WORK_NAMES = frozenset(
    {"blade runner", "blade runner 2049", "bioshock", "bioshock infinite", "cyberpunk 2077", "mad max",
     "mad max fury road", "ghost in the shell", "the matrix", "star wars", "lord of the rings", "dark souls",
     "elden ring", "final fantasy", "spirited away", "howl's moving castle", "studio trigger", "stranger things",
     "d&d", "dnd", "dungeons and dragons", "dungeons & dragons", "hearthstone", "world of warcraft", "warcraft",
     "league of legends", "overwatch", "warhammer", "warhammer 40k", "warhammer 40000", "magic the gathering",
     "genshin impact", "fortnite", "the legend of zelda", "breath of the wild"}
)  # fmt: skip
# Words that introduce a site: "trending on artstation".
WEBSITE_LEADS = ("trending on", "featured on", "popular on", "on", "from", "via")
