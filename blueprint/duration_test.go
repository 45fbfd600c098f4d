package blueprint

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestParseDuration(t *testing.T) {
	ok := map[string]struct {
		approx time.Duration
		label  string
	}{
		"10 minuten":    {10 * time.Minute, "10 minuten"},
		"1 minuut":      {time.Minute, "1 minuut"},
		"1,5 uur":       {90 * time.Minute, "1,5 uur"},
		"2 weken":       {14 * 24 * time.Hour, "2 weken"},
		"14 Dagen":      {14 * 24 * time.Hour, "14 dagen"},
		"30sec":         {30 * time.Second, "30 seconden"},
		" 5 werkdagen ": {7 * 24 * time.Hour, "5 werkdagen"},
		"1 maand":       {30 * 24 * time.Hour, "1 maand"},
		// a range counts as its upper end
		"2-4 weken":     {28 * 24 * time.Hour, "2–4 weken"},
		"2 – 4 weken":   {28 * 24 * time.Hour, "2–4 weken"},
		"1 tot 2 dagen": {48 * time.Hour, "1–2 dagen"},
		"1 à 1,5 uur":   {90 * time.Minute, "1–1,5 uur"},
	}
	for in, want := range ok {
		d, err := ParseDuration(in)
		if assert.Nil(t, err, in) {
			assert.Equal(t, want.approx, d.Approx(), in)
			assert.Equal(t, want.label, d.Label(Dutch), in)
		}
	}
	d, _ := ParseDuration("1,5 uur")
	assert.Equal(t, "1.5 hours", d.Label(English))

	for in, hint := range map[string]string{
		"2 weeks":    `bedoelde u "2 weken"?`,
		"3 dagn":     `bedoelde u "3 dag"?`,
		"lang":       `bijvoorbeeld "10 minuten" of "2 weken"`,
		"-1 uur":     `bijvoorbeeld "10 minuten" of "2 weken"`,
		"10 eeuwen":  `bijvoorbeeld "10 minuten" of "2 weken"`,
		"4-2 weken":  `bijvoorbeeld "2-4 weken"`,
		"2-4 eeuwen": `bijvoorbeeld "10 minuten" of "2 weken"`,
		"2-4 weeks":  `bedoelde u "2-4 weken"?`,
	} {
		_, err := ParseDuration(in)
		if assert.NotNil(t, err, in) {
			sink := NewCollector(Dutch)
			got := sink.t(err.Hint, err.HintArgs...)
			assert.Equal(t, hint, got, in)
		}
	}
}
