#!/usr/bin/python3
"""Image steps of samples/tools/scans.mjs (Debian's python3-pil and python3-numpy; nothing is downloaded).

  scan_image.py skew IN.png OUT.jpg ANGLE SEED       rotate by ANGLE degrees (counter-clockwise, white fill, same
                                                    canvas), blur, Gaussian noise (seeded), greyscale JPEG q60
  scan_image.py g4 OUT.tiff DPI THRESHOLD IN.png...  threshold each greyscale page, one bilevel CCITT Group 4 page each
  scan_image.py jpeg IN.png OUT.jpg QUALITY MODE     re-encode as JPEG (MODE L: greyscale, RGB: 3 channels, 4:2:0)
  scan_image.py png DPI IN.pgm...                    PGM (pdftoppm -gray) -> IN.png, 8-bit greyscale, pHYs = DPI
  scan_image.py info FILE                           print format, size, mode and dpi (for the checks)

The input PNGs are pdftoppm's 8-bit greyscale renders (pdftoppm -gray writes a PGM; poppler 22.12's -gray -png
writes RGB, hence the `png` step); the resolution (pHYs) is read from them and written to the output (JFIF density /
TIFF XResolution), so the output is as many dots per inch as the render.
"""
import sys

import numpy as np
from PIL import Image, ImageFilter

# scan200-skew degradation, documented in samples/README.md
BLUR_RADIUS = 0.6   # PIL GaussianBlur radius, pixels at 200 dpi
NOISE_SIGMA = 6.0   # standard deviation of the additive Gaussian noise, grey levels (0..255)
JPEG_QUALITY = 60


def dpi_of(img):
    dpi = img.info.get('dpi')
    if not dpi:
        sys.exit(f'no resolution in {img.filename}')
    return tuple(round(d) for d in dpi)


def skew(src, out, angle, seed):
    img = Image.open(src)
    if img.mode != 'L':
        sys.exit(f'{src}: expected an 8-bit greyscale render, got {img.mode}')
    dpi = dpi_of(img)
    img = img.rotate(float(angle), resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(BLUR_RADIUS))
    rng = np.random.default_rng(int(seed))
    a = np.asarray(img, dtype=np.float32) + rng.normal(0.0, NOISE_SIGMA, size=(img.height, img.width))
    img = Image.fromarray(np.clip(np.rint(a), 0, 255).astype(np.uint8), 'L')
    img.save(out, 'JPEG', quality=JPEG_QUALITY, dpi=dpi, optimize=True)


def g4(out, dpi, threshold, pages):
    dpi, threshold = int(dpi), int(threshold)
    bilevel = []
    for p in pages:
        img = Image.open(p)
        if img.mode != 'L':
            sys.exit(f'{p}: expected an 8-bit greyscale render, got {img.mode}')
        if dpi_of(img) != (dpi, dpi):
            sys.exit(f'{p}: rendered at {dpi_of(img)} dpi, not {dpi}')
        # a plain threshold, no dithering: grey below THRESHOLD (anti-aliased stroke edges) becomes black
        bilevel.append(img.point(lambda v: 255 if v >= threshold else 0).convert('1', dither=Image.Dither.NONE))
    bilevel[0].save(out, 'TIFF', save_all=True, append_images=bilevel[1:], compression='group4', dpi=(dpi, dpi))


def jpeg(src, out, quality, mode):
    img = Image.open(src)
    dpi = dpi_of(img)
    img.convert(mode).save(out, 'JPEG', quality=int(quality), dpi=dpi, optimize=True, subsampling='4:2:0')


def turn(src, out, angle):
    img = Image.open(src)
    dpi = dpi_of(img)
    img.rotate(int(angle), expand=True).save(out, 'PNG', dpi=dpi, compress_level=9)


# EXIF orientation -> degrees counter-clockwise (PIL's sense) the stored pixels are turned by from upright
EXIF_TURNS = {3: 180, 6: 90, 8: 270}


def jpeg_exif(src, out, quality, orientation):
    img = Image.open(src)
    dpi = dpi_of(img)
    orientation = int(orientation)
    exif = Image.Exif()
    exif[0x0112] = orientation
    img = img.rotate(EXIF_TURNS[orientation], expand=True).convert('RGB')
    img.save(out, 'JPEG', quality=int(quality), dpi=dpi, optimize=True, subsampling='4:2:0', exif=exif.tobytes())


if __name__ == '__main__':
    cmd, *args = sys.argv[1:]
    if cmd == 'skew':
        skew(*args)
    elif cmd == 'g4':
        g4(args[0], args[1], args[2], args[3:])
    elif cmd == 'jpeg':
        jpeg(*args)
    elif cmd == 'turn':
        turn(*args)
    elif cmd == 'jpeg-exif':
        jpeg_exif(*args)
    elif cmd == 'png':
        for p in args[1:]:
            Image.open(p).convert('L').save(p.rsplit('.', 1)[0] + '.png', 'PNG', dpi=(int(args[0]),) * 2, compress_level=9)
    elif cmd == 'info':  # for the checks: format, size, mode, dpi
        img = Image.open(args[0])
        orientation = img.getexif().get(0x0112)
        print(img.format, f'{img.width}x{img.height}', img.mode, '%gx%g dpi' % img.info.get('dpi', (0, 0)),
              *([f'orientation {orientation}'] if orientation else []))
    else:
        sys.exit(f'unknown command {cmd}')
