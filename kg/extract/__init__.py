"""Mention recognisers and relation rules, one module each:

tokens      jieba (rjieba) segmentation, primed with our lexicons
regions     administrative places: gazetteer names and place suffixes
orgs        institutions: place + stem + suffix, departments, anaphora (该院)
officials   title chains and the names they introduce: posts
programs    named policies, projects, campaigns
"""
