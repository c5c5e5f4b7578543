"""Names of well-known places, as written, for the rules planner (places.py).

Only names that mean nothing else when written in lowercase are listed: 'paris', 'indonesia', 'times
square'; not 'china' (porcelain), 'turkey' (the bird), 'nice', 'reading', 'jordan', 'georgia' or 'phoenix'.
"""

from __future__ import annotations

_COUNTRIES = """
Afghanistan, Albania, Algeria, Argentina, Armenia, Australia, Austria, Bangladesh, Belgium, Bolivia,
Brazil, Bulgaria, Cambodia, Cameroon, Canada, Colombia, Costa Rica, Croatia, Cuba, Denmark, Ecuador,
Egypt, England, Estonia, Ethiopia, Finland, France, Germany, Ghana, Greece, Greenland, Guatemala, Hungary,
Iceland, India, Indonesia, Iran, Iraq, Ireland, Israel, Italy, Jamaica, Japan, Kenya, Laos, Latvia,
Lebanon, Lithuania, Madagascar, Malaysia, Mexico, Mongolia, Morocco, Mozambique, Myanmar, Nepal,
Netherlands, New Zealand, Nigeria, North Korea, Norway, Pakistan, Peru, Philippines, Poland, Portugal,
Romania, Russia, Scotland, Senegal, Serbia, Singapore, Slovakia, Slovenia, South Africa, South Korea,
Spain, Sri Lanka, Sweden, Switzerland, Syria, Taiwan, Tanzania, Thailand, Tunisia, Uganda, Ukraine,
United Kingdom, United States, Uruguay, Venezuela, Vietnam, Wales, Zimbabwe, Antarctica, Africa, Asia,
Europe, North America, South America, Scandinavia, Siberia, Sahara, Patagonia, Tibet, Hawaii, Alaska
"""
_CITIES = """
Amsterdam, Athens, Bangkok, Barcelona, Beijing, Berlin, Bogota, Boston, Budapest, Buenos Aires, Cairo,
Cape Town, Chicago, Copenhagen, Dubai, Dublin, Edinburgh, Hong Kong, Honolulu, Istanbul, Jakarta,
Jerusalem, Kyoto, Las Vegas, Lisbon, London, Los Angeles, Madrid, Manhattan, Marrakech, Melbourne,
Mexico City, Miami, Milan, Montreal, Moscow, Mumbai, Munich, Nairobi, New Delhi, New Orleans, New York,
New York City, Osaka, Oslo, Paris, Prague, Rio de Janeiro, Rome, San Francisco, Santorini, Seattle,
Seoul, Shanghai, Singapore, Stockholm, Sydney, Tokyo, Toronto, Vancouver, Venice, Vienna, Warsaw,
Brooklyn, Hollywood, Kathmandu, Havana, Lima, Reykjavik, Saint Petersburg, St. Petersburg
"""
_LANDMARKS = """
Times Square, Central Park, Eiffel Tower, Big Ben, Golden Gate Bridge, Brooklyn Bridge, Tower Bridge,
Statue of Liberty, Empire State Building, Mount Everest, Mount Fuji, Grand Canyon, Niagara Falls,
Stonehenge, Taj Mahal, Machu Picchu, Great Wall of China, Colosseum, Kremlin, Red Square, Acropolis,
Parthenon, Sydney Opera House, Notre Dame, Sagrada Familia, Mount Rushmore, Hollywood Sign,
Amazon rainforest, Mississippi River, Thames, Seine, Nile, Sahara Desert, Mars, Jupiter, Saturn
"""
# Lowercase token tuples -> each word as it is written: ('times', 'square') -> ('Times', 'Square').
PLACE_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {
    tuple(name.lower().split()): tuple(name.split())
    for block in (_COUNTRIES, _CITIES, _LANDMARKS)
    for name in (part.strip() for part in block.split(","))
    if name
}
LONGEST_PLACE = max(len(key) for key in PLACE_NAMES)
PLACE_FIRST_WORDS = frozenset(key[0] for key in PLACE_NAMES)  # most words start no place: looked up once

# Last words of names of places one can see, which are things in a picture, not only where something is:
# 'a skateboard in Times Square', 'a boat on Lake Como' (but 'a street in Paris': a Paris street).
SEEN_PLACE_HEADS = frozenset(
    {"square", "park", "tower", "bridge", "building", "palace", "castle", "cathedral", "church", "temple",
     "mountain", "mountains", "lake", "bay", "beach", "river", "falls", "canyon", "desert", "forest", "island",
     "station", "garden", "gardens", "museum", "stadium", "market", "wall", "gate", "house", "sign", "pyramid",
     "colosseum", "kremlin", "acropolis", "parthenon", "stonehenge", "everest", "fuji", "mahal", "picchu"}
)  # fmt: skip
