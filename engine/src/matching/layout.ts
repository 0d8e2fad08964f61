/**
 * Record layouts of the order tree, the structure the batch kernel reads millions of times.
 *
 * Nodes and entries are interleaved records in one Int32Array each (array of structs), in tree
 * order: a node's children are consecutive records, and a leaf's orders are consecutive entries,
 * so expanding a node or reading a leaf walks memory forwards instead of touching a dozen
 * separate arrays at scattered order indexes (measured: that cost ~200 ns a pair in cache misses).
 *
 * Node record (ORDER_NODE_STRIDE ints):
 *
 *   NODE_LEVEL       code segments fixed at the node (0 … 4)
 *   NODE_DEPTH       longest code below (== level at and below a terminal)
 *   NODE_FLAGS       1 = some order with a dormitory below, 2 = some without (0 = empty node)
 *   NODE_FIRST_CHILD, NODE_CHILD_COUNT   children are consecutive nodes
 *   NODE_START, NODE_END                 the node's entries
 *   NODE_MIN_ITEM    smallest order index below
 *   NODE_MAX_WAGE_MIN, NODE_MAX_WAGE_MAX
 *   NODE_LOCATIONS   bit per location id < 31 below; bit 31 = unknown or later id
 *   NODE_TIE_BLOOM   OR of the orders' tie blooms
 *   NODE_MAX_TERMS   most skills ∪ certificates of an order below
 *   NODE_MAX_STATIC  most staticPoints below
 *   NODE_MIN_EDUCATION, NODE_MIN_AGE_MIN, NODE_MAX_AGE_MAX, NODE_MAX_DEADLINE, NODE_MIN_CERTS
 *                    the loosest hard limits below
 *   NODE_TERM_BLOOM  TERM_BLOOM_WORDS words: OR of the orders' term blooms
 *   NODE_CODE        4 prefix ids (−1 past the level)
 *   NODE_KIND        which tree of the forest the node is in: KIND_MAIN, KIND_TERM, KIND_TIE
 *   NODE_TREE_KEY    the string id of that tree's term or tie key (−1 in the main tree)
 *
 * Entry (ORDER_ENTRY_STRIDE ints), one per (tree, order) pair of the forest, with everything the
 * search needs to bound the order exactly except the list terms (skills, certificates, ties):
 *
 *   ENTRY_ITEM       the order index
 *   ENTRY_STATIC     staticPoints (a leaf's sort key)
 *   ENTRY_WAGE_MIN, ENTRY_WAGE_MAX, ENTRY_AGE_MIN, ENTRY_AGE_MAX, ENTRY_DEADLINE, ENTRY_LOCATION
 *   ENTRY_FLAGS      educationMin | dormitory << 8 | (has required certificates) << 9
 *                    | (has tie keys) << 10
 *   ENTRY_RECORD     the order's record: its lists are recordTerms[recordTermStart[r] …], and the
 *                    same for recordCerts and recordTies (records in main-tree order, shared by
 *                    every tree the order is in)
 */

export const NODE_LEVEL = 0;
export const NODE_DEPTH = 1;
export const NODE_FLAGS = 2;
export const NODE_FIRST_CHILD = 3;
export const NODE_CHILD_COUNT = 4;
export const NODE_START = 5;
export const NODE_END = 6;
export const NODE_MIN_ITEM = 7;
export const NODE_MAX_WAGE_MIN = 8;
export const NODE_MAX_WAGE_MAX = 9;
export const NODE_LOCATIONS = 10;
export const NODE_TIE_BLOOM = 11;
export const NODE_MAX_TERMS = 12;
export const NODE_MAX_STATIC = 13;
export const NODE_MIN_EDUCATION = 14;
export const NODE_MIN_AGE_MIN = 15;
export const NODE_MAX_AGE_MAX = 16;
export const NODE_MAX_DEADLINE = 17;
export const NODE_MIN_CERTS = 18;
export const NODE_TERM_BLOOM = 19;
export const NODE_CODE = 23;
export const NODE_KIND = 27;
export const NODE_TREE_KEY = 28;
export const ORDER_NODE_STRIDE = 29;

/** NODE_KIND: the main tree (skills and ties bounded by 0), a skill tree, a tie tree. */
export const KIND_MAIN = 0;
export const KIND_TERM = 1;
export const KIND_TIE = 2;

export const ENTRY_ITEM = 0;
export const ENTRY_STATIC = 1;
export const ENTRY_WAGE_MIN = 2;
export const ENTRY_WAGE_MAX = 3;
export const ENTRY_AGE_MIN = 4;
export const ENTRY_AGE_MAX = 5;
export const ENTRY_DEADLINE = 6;
export const ENTRY_LOCATION = 7;
export const ENTRY_FLAGS = 8;
export const ENTRY_RECORD = 9;
export const ORDER_ENTRY_STRIDE = 10;

/** ENTRY_FLAGS: educationMin in the low byte, then these bits. */
export const ENTRY_EDUCATION_MASK = 0xff;
export const ENTRY_DORMITORY_BIT = 1 << 8;
export const ENTRY_CERTS_BIT = 1 << 9;
export const ENTRY_TIES_BIT = 1 << 10;
