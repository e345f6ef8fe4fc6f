"""From mentions to entities: the article's context (home place, what 该院 and
市 refer to) inside one file, and merging the same thing across files."""
