//go:build linux || darwin

package gvwasm

import (
	"syscall"

	"github.com/tetratelabs/wazero/experimental"
)

// reserve maps size bytes of address space, read-write and not backed
// until touched (MAP_NORESERVE: no swap is set aside for it), or returns
// nil when the system refuses (a 32-bit process, strict overcommit).
func reserve(size uint64) experimental.LinearMemory {
	if size == 0 || size > 1<<32 || uint64(int(size)) != size {
		return nil
	}
	b, err := syscall.Mmap(-1, 0, int(size), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON|syscall.MAP_NORESERVE)
	if err != nil {
		return nil
	}
	return &mappedMemory{buf: b}
}

// mappedMemory is a memory in one mapping that never moves: growing
// only lengthens the slice. Pages are zero when first touched.
type mappedMemory struct{ buf []byte }

func (m *mappedMemory) Reallocate(size uint64) []byte {
	if size > uint64(len(m.buf)) {
		return nil // beyond the module's maximum: the grow fails in the module
	}
	return m.buf[:size:size]
}

func (m *mappedMemory) Free() {
	if m.buf != nil {
		_ = syscall.Munmap(m.buf)
		m.buf = nil
	}
}
