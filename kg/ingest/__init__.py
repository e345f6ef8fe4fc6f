"""Reading files into clean, segmented, dated documents, one job a module:

inputs     which files a build reads, and their stable document ids
read       bytes to text: encodings, HTML to text and its meta
clean      layout line breaks joined, full-width folded, offsets to the file kept
masthead   a page's masthead and section lines
segment    articles, bylines, sentences
dates      the date of each article (header, dateline, meta, file name)
patterns   the line patterns segment and the recognisers share (bylines, author notes)

Nothing is imported here: `kg ner`, which needs only the patterns, does not pay for the rest.
"""
