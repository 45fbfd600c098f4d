//go:build !(linux || darwin)

package gvwasm

import "github.com/tetratelabs/wazero/experimental"

// reserve: no mapping here, the memory is in Go's heap (heapMemory).
func reserve(uint64) experimental.LinearMemory { return nil }
