package gvwasm

import "github.com/tetratelabs/wazero/experimental"

// Graphviz's memory grows from half a megabyte to tens of megabytes while
// it draws a big diagram, a few pages at a time. wazero grows a memory
// with Go's append: every time the capacity runs out the whole memory is
// copied into a new slice a quarter larger, 6–8 ms of copying and page
// faults for a 60-step diagram. Where the system allows it (memory_mmap.go)
// an instance's memory is one reservation of address space as large as it
// may ever grow, outside Go's heap, that only gains pages as Graphviz
// touches them: growing copies nothing. Elsewhere, or when the reservation
// is refused, it is a slice that doubles.

// memoryAllocator is what New gives wazero for the memory of an instance.
var memoryAllocator experimental.MemoryAllocator = experimental.MemoryAllocatorFunc(func(capacity, max uint64) experimental.LinearMemory {
	if m := reserve(max); m != nil {
		return m
	}
	return &heapMemory{buf: make([]byte, 0, capacity)}
})

// heapMemory is a memory in Go's heap that doubles its capacity when it
// must grow.
type heapMemory struct{ buf []byte }

func (m *heapMemory) Reallocate(size uint64) []byte {
	if size > uint64(cap(m.buf)) {
		n := make([]byte, size, max(size, 2*uint64(cap(m.buf))))
		copy(n, m.buf)
		m.buf = n
	}
	m.buf = m.buf[:size]
	return m.buf
}

func (m *heapMemory) Free() { m.buf = nil }
