package cn.yunying.archive.application;

/**
 * One decoded frame: for a monochrome image the stored values (sign-extended, before the Modality LUT), for a colour
 * image packed 0xRRGGBB, row by row.
 */
record DecodedPixels(int width, int height, int[] values, boolean rgb) {
}
