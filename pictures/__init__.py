"""The site's images: the image model with alternative text in both languages, responsive
renditions (``{% responsive_picture %}``) and the check that a published page's picture has
its alternative text."""
