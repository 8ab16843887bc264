"""Qt models over search results: the results list and the facet (filter) tree."""
