package site

import (
	"archive/zip"
	"bytes"
	"time"

	"github.com/dimpact/blueprint/blueprint"
)

// The folders and fixed files of the site. Paths are the same in every
// language, so a link stays valid when a site is rebuilt in English.
const (
	JourneyDir  = "klantreizen"
	PersonaDir  = "personas"
	DownloadDir = "downloads"
	// ZipName is the download with every journey file and blueprint.toml.
	ZipName = "klantreizen.zip"
)

// JourneyPath is the page of a journey.
func JourneyPath(id string) string { return JourneyDir + "/" + id + ".html" }

// PNGPath is where the caller writes the PNG of a journey.
func PNGPath(id string) string { return JourneyDir + "/" + id + ".png" }

// SVGPath is the SVG download of a journey.
func SVGPath(id string) string { return JourneyDir + "/" + id + ".svg" }

// TOMLPath is the journey file as a download.
func TOMLPath(id string) string { return JourneyDir + "/" + id + ".toml" }

// PersonaPath is the page of a persona.
func PersonaPath(id string) string { return PersonaDir + "/" + id + ".html" }

// PagePath is the page of a Page.
func PagePath(name string) string { return name + ".html" }

// DownloadPath is a file under downloads/.
func DownloadPath(name string) string { return DownloadDir + "/" + name }

// StepAnchor is the fragment of a step on its journey's page.
func StepAnchor(stepID string) string { return "stap-" + stepID }

// ActionAnchor is the fragment of a verbeteractie on its journey's page.
func ActionAnchor(actionID string) string { return "verbeteractie-" + actionID }

// zipTime is the modification time of every file in the zip: the ZIP
// epoch, so that the same journeys give the same bytes.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// sourcesZip packs blueprint.toml and every journey file, named after the
// journey's id, so that the set loads as a folder again.
func (b *Builder) sourcesZip() ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	dir := "klantreizen/"
	if b.s.Project != nil {
		if err := add(dir+blueprint.ProjectFile, b.s.Project); err != nil {
			return nil, err
		}
	}
	for _, j := range b.s.Journeys {
		if j.Source != nil {
			if err := add(dir+j.Journey.ID+".toml", j.Source); err != nil {
				return nil, err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
