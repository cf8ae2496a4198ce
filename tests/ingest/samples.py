"""Sample texts shared by the ingest tests."""

# An English paragraph long enough for language detection to judge.
ENGLISH = (
    "Pakistan and Russia on Thursday reaffirmed their resolve to deepen bilateral "
    "cooperation in diversified trade, energy, business-to-business engagements and "
    "social sectors like health and education."
)
FRENCH = (
    "Le Pakistan et la Russie ont réaffirmé jeudi leur volonté d'approfondir la "
    "coopération bilatérale dans le commerce, l'énergie et les secteurs sociaux comme "
    "la santé et l'éducation, selon un communiqué officiel publié à Islamabad."
)
