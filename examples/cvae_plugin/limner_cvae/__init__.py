"""limner-cvae: a conditional VAE that draws coloured shapes, as a third-party Limner generator plugin.

Installed, it registers the generator `cvae` through Limner's `limner` entry-point group
(see `limner_cvae.plugin`); `limner generate "a red circle" --generator cvae` then uses it.
"""

__version__ = "0.1.0"
