"""Mention recognisers and relation rules, one module each:

tokens      jieba (rjieba) segmentation, primed with our lexicons
regions     administrative places: gazetteer names and place suffixes
orgs        institutions: place + stem + suffix, departments, anaphora (该院)
officials   title chains and the names they introduce: posts
programs    named policies, projects, campaigns

The NER view (`kg ner`) adds, on top of these:

mentions    typed mentions of any news sentence, overlaps settled by rule strength
persons/    personal names anywhere in a sentence, one reader a module
sports      match reports: teams, clubs and players
typed_span  the span every NER rule returns, and the rule strengths
"""
