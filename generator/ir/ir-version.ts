/**
 * Bumped when the IR shape changes, so caches and consumers can tell. 2: array items may be `opaque`;
 * 3: `navigation`, and webhooks carry their code samples.
 */
export const IR_VERSION = 3
