"""Publishing posts to the business's Facebook Page, Instagram account and LinkedIn page, and
reading the comments on them."""
