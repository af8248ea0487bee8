import { describe } from 'vitest'
import { hasCorpus } from '../helpers.js'
import { corpusShardTest } from './corpus-shard.js'

describe.skipIf(!hasCorpus)('twoslash over the corpus', () => corpusShardTest(1, 2))
