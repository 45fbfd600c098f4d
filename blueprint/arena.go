package blueprint

import "sync"

// arena hands out the nodes of one file's index, and the backing arrays
// of their kids and elems, from a few large blocks instead of one
// allocation each: a journey of 20 steps has some 600 nodes, the national
// collection four million, and the whole index is garbage as soon as its
// file is decoded. decodeFile takes its arena from a pool and puts it back
// when the file is decoded, so that the next file reuses its first blocks.
type arena struct {
	nodes []node
	ptrs  []*node
	// block is the number of nodes in the first block of nodes, and of
	// pointers in the first block of pointers.
	block int
	// first are the first blocks of nodes and of pointers, which release
	// clears and keeps for the next file.
	firstNodes []node
	firstPtrs  []*node
}

// maxBlock is the most nodes or pointers in one block.
const maxBlock = 4096

// blockFor returns the size of the first blocks for a text of size bytes:
// a journey file has a node per 32 bytes or so, and a list per node,
// which fills its backing as the keys of its table are written, so most
// files take one block of each. Later blocks are smaller (more), so that
// a guess too low costs little.
func blockFor(size int) int { return min(size/32+16, maxBlock) }

// more returns the size of the block after one of n.
func more(n int) int { return min(n/4+16, maxBlock) }

var arenas sync.Pool // of *arena

// newArena returns an arena, from the pool, for a text of size bytes.
func newArena(size int) *arena {
	a, _ := arenas.Get().(*arena)
	if a == nil {
		a = new(arena)
	}
	a.block = blockFor(size)
	return a
}

// release resets a and puts it back in the pool. Nothing of the index
// may be used afterwards.
func (a *arena) release() {
	a.reset()
	arenas.Put(a)
}

// reset clears the first blocks of a, so that no pointer into the file
// just indexed stays behind, and makes them the next ones handed out.
func (a *arena) reset() {
	clear(a.firstNodes[:cap(a.firstNodes)])
	clear(a.firstPtrs[:cap(a.firstPtrs)])
	a.nodes, a.ptrs = nil, nil
}

func (a *arena) node() *node {
	if len(a.nodes) == cap(a.nodes) {
		switch {
		case cap(a.nodes) > 0:
			a.nodes = make([]node, 0, more(cap(a.nodes)))
		case cap(a.firstNodes) >= a.block:
			a.nodes = a.firstNodes[:0]
		default:
			a.nodes = make([]node, 0, a.block)
			a.firstNodes = a.nodes
		}
	}
	a.nodes = a.nodes[:len(a.nodes)+1]
	return &a.nodes[len(a.nodes)-1]
}

// add appends c to list. A full list grows within a block of the arena:
// in place when its backing is the last one handed out (the keys of a
// table are mostly written together), else into a new backing twice its
// length. A list too long for a block (a hostile file's) grows on the
// heap.
func (a *arena) add(list []*node, c *node) []*node {
	if len(list) < cap(list) {
		return append(list, c)
	}
	size := max(4, 2*len(list))
	if size > a.block {
		return append(list, c)
	}
	at := len(a.ptrs)
	if grow := size - cap(list); cap(list) > 0 && at > 0 && &list[:cap(list)][cap(list)-1] == &a.ptrs[at-1] && at+grow <= cap(a.ptrs) {
		a.ptrs = a.ptrs[:at+grow]
		return append(a.ptrs[at-cap(list):at-cap(list)+len(list):at+grow], c)
	}
	if cap(a.ptrs)-at < size {
		switch {
		case cap(a.ptrs) > 0:
			a.ptrs = make([]*node, 0, max(more(cap(a.ptrs)), size))
		case cap(a.firstPtrs) >= a.block:
			a.ptrs = a.firstPtrs[:0]
		default:
			a.ptrs = make([]*node, 0, a.block)
			a.firstPtrs = a.ptrs
		}
		at = 0
	}
	a.ptrs = a.ptrs[:at+size]
	grown := a.ptrs[at : at+len(list) : at+size]
	copy(grown, list)
	return append(grown, c)
}
