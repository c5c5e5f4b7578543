"""Nouns of stuff, which take no 'a' ('ramen', 'maple syrup', 'armor'), for words.MASS_NOUNS.

A noun is listed only when 'a' before it reads wrong in a prompt; a food or drink served one at a time
('a pizza', 'a sandwich', 'a latte', 'a smoothie') or a word that is also a thing ('a pepper', 'a glass',
'a stone', 'a tin', 'a canvas') is left out. A compound names stuff by its head: 'tomato soup', 'orange
juice' (english.mass_noun); COUNTABLE_COMPOUND_HEADS are the heads that name a thing in a compound.
"""

from __future__ import annotations

_FOODS = """
ramen, udon, soba, pho, sushi, sashimi, tempura, kimchi, tofu, noodle soup, oatmeal, porridge, cereal,
granola, muesli, honey, syrup, jam, marmalade, butter, margarine, yogurt, yoghurt, cream, custard, mustard,
ketchup, mayonnaise, mayo, sauce, gravy, salsa, guacamole, hummus, pesto, vinegar, oil, salt, sugar, flour,
dough, chocolate, caramel, fudge, toast, bacon, ham, meat, beef, pork, broth, macaroni,
risotto, paella, couscous, quinoa, barley, oats, corn, garlic, spinach, kale, seaweed, gum, cotton candy,
whipped cream, ice cream, frosting, icing
"""
_DRINKS = """
beer, lemonade, whiskey, whisky, vodka, rum, gin, tequila, brandy, bourbon, champagne, sake, cider, liquor,
alcohol, cocoa, hot chocolate, kombucha, iced tea, orange juice, apple juice, soda water, tonic water
"""
_SUBSTANCES = """
gasoline, petrol, fuel, glue, slime, goo, soap, shampoo, toothpaste, lotion, sunscreen, makeup, make-up,
polish, foam, dirt, soil, gravel, ash, frost, dew, hail, sleet, slush, vapor, vapour, oxygen, plasma,
magma, glitter, confetti, sawdust, powder, cement, asphalt, tar, rubber, paper, cardboard, wood, gold,
silver, bronze, copper, brass, aluminum, aluminium, chrome, titanium, platinum, granite, yarn,
twine, fabric, linen, satin, tweed, corduroy, suede, armor, armour, chainmail, chain mail, clothing,
jewellery, equipment, gear, machinery, baggage, garbage, trash, rubbish, debris, rubble, junk,
laundry, algae, mold, mould, lichen, bamboo, sunshine, starlight, daylight, candlelight, firelight,
lamplight, weather, haze, smog, stardust
"""

MORE_MASS_NOUNS = frozenset(
    word.strip() for block in (_FOODS, _DRINKS, _SUBSTANCES) for word in block.split(",") if word.strip()
)

# Heads of stuff that name one thing at the end of a compound: 'a traffic light', 'a waffle iron', 'a
# passion fruit', 'a still life', 'a forest fire', 'a traffic jam'.
COUNTABLE_COMPOUND_HEADS = frozenset({"light", "iron", "fruit", "life", "fire", "time", "jam"})
