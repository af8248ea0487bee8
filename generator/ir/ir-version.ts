/** Bumped when the IR shape changes, so caches and consumers can tell. 2: array items may be `opaque`. */
export const IR_VERSION = 2
