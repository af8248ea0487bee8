/** Bumped when the IR shape changes, so caches and consumers can tell. */
export const IR_VERSION = 1
