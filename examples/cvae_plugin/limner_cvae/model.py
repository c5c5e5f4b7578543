"""A small conditional VAE: 64x64 RGBA shapes, conditioned on one-hot shape ⊕ one-hot colour.

The condition says *what* to draw; the latent code z says the rest (size, position, exact shade).
Sampling z from the prior with a fixed condition therefore gives varied drawings of the same shape
in the same colour.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F

from limner_cvae.data import COLOR_NAMES, SHAPES, SIZE, condition_size

Z_DIM = 8
CHANNELS = (32, 64, 128, 128)  # per stride-2 stage: 64 -> 32 -> 16 -> 8 -> 4 pixels
_BOTTOM = SIZE // 2 ** len(CHANNELS)  # 4: the side of the smallest feature map


def condition(shape_index: torch.Tensor, color_index: torch.Tensor) -> torch.Tensor:
    """The condition vector for a batch: one-hot shape followed by one-hot colour."""
    return torch.cat(
        [F.one_hot(shape_index, len(SHAPES)).float(), F.one_hot(color_index, len(COLOR_NAMES)).float()], dim=1
    )


class Encoder(nn.Module):
    """q(z | x, c): image features and the condition to a Gaussian over z."""

    def __init__(self) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        previous = 4  # RGB + alpha
        for channels in CHANNELS:
            layers += [
                nn.Conv2d(previous, channels, 4, stride=2, padding=1),
                nn.BatchNorm2d(channels),
                nn.LeakyReLU(0.2),
            ]
            previous = channels
        self.features = nn.Sequential(*layers, nn.Flatten())
        self.to_stats = nn.Linear(previous * _BOTTOM * _BOTTOM + condition_size(), 2 * Z_DIM)

    def forward(self, x: torch.Tensor, c: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        mu, logvar = self.to_stats(torch.cat([self.features(x), c], dim=1)).chunk(2, dim=1)
        return mu, logvar


class Decoder(nn.Module):
    """p(x | z, c): z and the condition to a 64x64 RGBA image in [0, 1].

    The condition enters at the start and again, broadcast as extra channels, before every
    upsampling stage: colour is a per-pixel property, and feeding it in late keeps samples from
    drifting towards a neighbouring colour.
    """

    def __init__(self) -> None:
        super().__init__()
        reversed_channels = CHANNELS[::-1]
        self.start = nn.Linear(Z_DIM + condition_size(), reversed_channels[0] * _BOTTOM * _BOTTOM)
        # Upsampling stages 4 -> 8 -> 16 -> 32, each told the condition again.
        self.stages = nn.ModuleList(
            nn.Sequential(
                nn.ConvTranspose2d(channels + condition_size(), out, 4, stride=2, padding=1), nn.BatchNorm2d(out)
            )
            for channels, out in zip(reversed_channels[:-1], reversed_channels[1:])
        )
        # The last stage, 32 -> 64, is most of the compute (it works at full size), so it is kept
        # narrow and not given the condition: shape and colour are settled by then.
        self.last = nn.Sequential(
            nn.ConvTranspose2d(reversed_channels[-1], 16, 4, stride=2, padding=1), nn.BatchNorm2d(16)
        )
        self.to_rgba = nn.Conv2d(16, 4, 3, padding=1)

    def forward(self, z: torch.Tensor, c: torch.Tensor) -> torch.Tensor:
        h = F.leaky_relu(self.start(torch.cat([z, c], dim=1)), 0.2)
        h = h.view(len(z), CHANNELS[-1], _BOTTOM, _BOTTOM)
        for stage in self.stages:
            broadcast = c[:, :, None, None].expand(-1, -1, h.shape[2], h.shape[3])
            h = F.leaky_relu(stage(torch.cat([h, broadcast], dim=1)), 0.2)
        h = F.leaky_relu(self.last(h), 0.2)
        return torch.sigmoid(self.to_rgba(h))


class CVAE(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.encoder = Encoder()
        self.decoder = Decoder()

    def forward(self, x: torch.Tensor, c: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        mu, logvar = self.encoder(x, c)
        # Reparameterisation: z = mu + sigma * eps keeps the sample differentiable in mu and sigma.
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
        return self.decoder(z, c), mu, logvar


def loss(x: torch.Tensor, reconstruction: torch.Tensor, mu: torch.Tensor, logvar: torch.Tensor, beta: float):
    """Negative ELBO per image: Bernoulli reconstruction plus beta * KL(q(z | x, c) || N(0, I)).

    The alpha channel is reconstructed everywhere; the colour only where the shape is (weighted by
    the true alpha). Rendering uses a sample's colour only through its alpha, so the background grey
    is noise the decoder need not model, and leaving it out keeps z's few dimensions for the shape's
    size, position and shade.
    """
    rgb, alpha = x[:, :3], x[:, 3:]
    colour = F.binary_cross_entropy(reconstruction[:, :3], rgb, reduction="none") * alpha
    coverage = F.binary_cross_entropy(reconstruction[:, 3:], alpha, reduction="sum")
    reconstruction_term = (colour.sum() + ALPHA_WEIGHT * coverage) / len(x)
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / len(x)
    return reconstruction_term + beta * kl, reconstruction_term, kl


ALPHA_WEIGHT = 2.0  # the outline is what makes a circle a circle: it counts double against the colour
