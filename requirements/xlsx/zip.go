package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"io/fs"
	"runtime"

	"github.com/xuri/excelize/v2"
)

// zipLevel is the deflate level of the workbooks we write. With
// archive/zip's default the 232 MB of sheet XML of the national PvE (7,600
// journeys) took 1.1–1.7 s to compress into 12.0 MB; level 3 takes
// 0.6–0.9 s for 13.2 MB (docs/performance.md). A workbook of a few
// journeys differs by a few kB either way.
const zipLevel = 3

// TempDir, if set, names the folder in which excelize keeps the parts of
// a workbook too large to hold in memory while it is written or read (a
// stream writer spills a sheet to a temporary file from 16 MB on: 230 MB
// for the national PvE); without it, or when it returns "", that is the
// system's temporary folder. Close removes these files, but a process
// that is interrupted does not get that far: blueprint points TempDir at
// a folder of its own, made when first asked for, which it removes on
// SIGINT and SIGTERM too. Set it before writing, not while.
var TempDir func() string

// options are the excelize options of every workbook this package opens
// or makes.
func options() excelize.Options {
	if TempDir == nil {
		return excelize.Options{}
	}
	return excelize.Options{TmpDir: TempDir()}
}

// A part of parallelMin bytes or more (at national scale only the
// Traceerbaarheid sheet, 232 MB) is deflated in chunks of parallelChunk
// bytes on every core; smaller parts, and so every workbook of the
// examples, are deflated as one stream, byte for byte as archive/zip does.
const (
	parallelMin   = 8 << 20
	parallelChunk = 1 << 20
)

// newFile returns a new workbook that is compressed at zipLevel when
// written. Every workbook of this package starts here.
func newFile() *excelize.File {
	f := excelize.NewFile(options())
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newZipWriter(w, parallelMin, parallelChunk) })
	return f
}

// zipWriter is the excelize.ZipWriter of our workbooks: archive/zip at
// zipLevel, with one deflater reused for the parts one after the other,
// and the large parts deflated in parallel. A part is held until it is
// larger than parallelMin or the next one starts (or the archive is
// closed): its size decides.
type zipWriter struct {
	zw   *zip.Writer
	fw   *flate.Writer // the deflater of the small parts
	part *partWriter   // the part being written, or nil
	free [][]byte      // chunk buffers to reuse
	// min and chunk are parallelMin and parallelChunk, smaller in tests.
	min, chunk int
	// scratch is ReadFrom's buffer.
	scratch []byte
}

func newZipWriter(w io.Writer, min, chunk int) *zipWriter {
	z := &zipWriter{zw: zip.NewWriter(w), min: min, chunk: chunk}
	z.zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		// archive/zip closes a part's compressor before it starts the next.
		if z.fw == nil {
			fw, err := flate.NewWriter(w, zipLevel)
			z.fw = fw
			return fw, err
		}
		z.fw.Reset(w)
		return z.fw, nil
	})
	return z
}

// Create starts the part name; the one before it is written out first.
func (z *zipWriter) Create(name string) (io.Writer, error) {
	if err := z.endPart(); err != nil {
		return nil, err
	}
	z.part = &partWriter{z: z, name: name, cur: z.buffer()}
	return z.part, nil
}

// AddFS adds the files of fsys as archive/zip does.
func (z *zipWriter) AddFS(fsys fs.FS) error {
	if err := z.endPart(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// Close writes the last part and the central directory.
func (z *zipWriter) Close() error {
	err := z.endPart()
	if cerr := z.zw.Close(); err == nil {
		err = cerr
	}
	return err
}

// endPart writes out the part being written, if any: a small one through
// archive/zip's own deflater, as one stream.
func (z *zipWriter) endPart() error {
	p := z.part
	if p == nil {
		return nil
	}
	z.part = nil
	if p.par != nil {
		return p.par.close(p.cur)
	}
	w, err := z.zw.Create(p.name)
	for _, b := range append(p.held, p.cur) {
		if err == nil {
			_, err = w.Write(b)
		}
		z.free = append(z.free, b)
	}
	return err
}

// buffer returns an empty chunk buffer.
func (z *zipWriter) buffer() []byte {
	if n := len(z.free); n > 0 {
		b := z.free[n-1]
		z.free = z.free[:n-1]
		return b[:0]
	}
	return make([]byte, 0, z.chunk)
}

// partWriter takes a part's content in chunks: held while the part is no
// larger than parallelMin, then handed to a parallel deflater.
type partWriter struct {
	z    *zipWriter
	name string
	held [][]byte // full chunks, while the part may be small
	cur  []byte   // the chunk being filled
	par  *parallelDeflate
}

func (p *partWriter) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		if len(p.cur) == cap(p.cur) {
			if err := p.next(); err != nil {
				return 0, err
			}
		}
		m := copy(p.cur[len(p.cur):cap(p.cur)], b)
		p.cur, b = p.cur[:len(p.cur)+m], b[m:]
	}
	return n, nil
}

// ReadFrom reads a part a chunk at a time, rather than through io.Copy's
// buffer of 32 kB: the streamed sheet comes from a temporary file of
// excelize.
func (p *partWriter) ReadFrom(r io.Reader) (int64, error) {
	if p.z.scratch == nil {
		p.z.scratch = make([]byte, p.z.chunk)
	}
	var n int64
	for {
		m, err := r.Read(p.z.scratch)
		if m > 0 {
			if _, err := p.Write(p.z.scratch[:m]); err != nil {
				return n, err
			}
			n += int64(m)
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// next moves the full current chunk on when more follows: to the held
// ones, or, once the part is larger than min, to the deflater.
func (p *partWriter) next() error {
	if p.par == nil {
		p.held = append(p.held, p.cur)
		p.cur = p.z.buffer()
		if len(p.held)*p.z.chunk < p.z.min {
			return nil
		}
		par, err := newParallelDeflate(p.z, p.name)
		if err != nil {
			return err
		}
		p.par = par
		for _, b := range p.held {
			if err := par.submit(b, false); err != nil {
				return err
			}
		}
		p.held = nil
		return nil
	}
	err := p.par.submit(p.cur, false)
	p.cur = p.z.buffer()
	return err
}

// parallelDeflate deflates one part in chunks on every core, pigz-style:
// each chunk is a deflate stream of its own, primed with the 32 kB before
// it as the window, that ends with a sync flush (an empty stored block),
// the last one with the final block; one after the other they are one
// deflate stream. The chunks are written in order as they are done, into
// a raw entry whose CRC-32 and sizes follow in its data descriptor, as
// archive/zip writes them for every entry.
type parallelDeflate struct {
	z       *zipWriter
	fh      *zip.FileHeader
	raw     io.Writer
	crc     uint32
	size    int64
	csize   int64
	window  []byte // the last 32 kB submitted
	jobs    chan *deflateChunk
	pending []*deflateChunk // submitted, in order
	spare   []*deflateChunk // written out, their buffers to reuse
}

// deflateChunk is a chunk of input and its deflated form.
type deflateChunk struct {
	in, window []byte
	final      bool
	out        bytes.Buffer
	done       chan struct{}
}

// windowSize is the distance a deflate match reaches back.
const windowSize = 32 << 10

func newParallelDeflate(z *zipWriter, name string) (*parallelDeflate, error) {
	// The header archive/zip's Create writes: deflate, sizes and CRC-32 in
	// the data descriptor, version 2.0, no time.
	fh := &zip.FileHeader{Name: name, Method: zip.Deflate, Flags: 0x8, CreatorVersion: 20, ReaderVersion: 20}
	raw, err := z.zw.CreateRaw(fh)
	if err != nil {
		return nil, err
	}
	workers := runtime.GOMAXPROCS(0)
	d := &parallelDeflate{z: z, fh: fh, raw: raw, jobs: make(chan *deflateChunk, 2*workers+1)}
	for range workers {
		go deflateChunks(d.jobs)
	}
	return d, nil
}

// deflateChunks compresses the chunks of jobs until it is closed, with a
// deflater of its own.
func deflateChunks(jobs <-chan *deflateChunk) {
	var fw *flate.Writer
	for c := range jobs {
		if fw == nil {
			fw, _ = flate.NewWriter(&c.out, zipLevel) // the level is valid
		} else {
			fw.Reset(&c.out)
		}
		if len(c.window) > 0 {
			// The window as history: what it compresses to is dropped,
			// the matches of the chunk may reach back into it.
			fw.Write(c.window)
			fw.Flush()
			c.out.Reset()
		}
		fw.Write(c.in) // a bytes.Buffer takes everything
		if c.final {
			fw.Close()
		} else {
			fw.Flush()
		}
		close(c.done)
	}
}

// submit hands a chunk to the workers, after writing out the oldest ones
// while too many are under way.
func (d *parallelDeflate) submit(in []byte, final bool) error {
	for len(d.pending) >= cap(d.jobs) {
		if err := d.writeOldest(); err != nil {
			return err
		}
	}
	d.crc = crc32.Update(d.crc, crc32.IEEETable, in)
	d.size += int64(len(in))
	var c *deflateChunk
	if n := len(d.spare); n > 0 {
		c, d.spare = d.spare[n-1], d.spare[:n-1]
		c.out.Reset()
	} else {
		c = &deflateChunk{window: make([]byte, 0, windowSize)}
	}
	// The window is copied from the chunk before (still under way, and
	// so not reused yet): that chunk is reused once it is written out,
	// while this one may still be compressed.
	c.in, c.window, c.final, c.done = in, append(c.window[:0], d.window...), final, make(chan struct{})
	d.window = in[len(in)-min(len(in), windowSize):]
	d.pending = append(d.pending, c)
	d.jobs <- c
	return nil
}

// writeOldest waits for the oldest chunk under way and writes it out.
func (d *parallelDeflate) writeOldest() error {
	c := d.pending[0]
	d.pending = d.pending[1:]
	<-c.done
	n, err := d.raw.Write(c.out.Bytes())
	d.csize += int64(n)
	d.z.free = append(d.z.free, c.in)
	d.spare = append(d.spare, c)
	return err
}

// close deflates the last chunk, writes out the rest and completes the
// header for the data descriptor and the central directory.
func (d *parallelDeflate) close(last []byte) error {
	err := d.submit(last, true)
	for err == nil && len(d.pending) > 0 {
		err = d.writeOldest()
	}
	for _, c := range d.pending { // after an error: let the workers finish
		<-c.done
	}
	close(d.jobs)
	if err != nil {
		return err
	}
	const uint32max = 1<<32 - 1
	d.fh.CRC32 = d.crc
	d.fh.CompressedSize64, d.fh.UncompressedSize64 = uint64(d.csize), uint64(d.size)
	if d.csize >= uint32max || d.size >= uint32max {
		d.fh.CompressedSize, d.fh.UncompressedSize = uint32max, uint32max
		d.fh.ReaderVersion = 45 // ZIP64, as archive/zip marks it
	} else {
		d.fh.CompressedSize, d.fh.UncompressedSize = uint32(d.csize), uint32(d.size)
	}
	return nil
}
