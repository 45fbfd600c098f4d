package blueprint

// Validate runs the validation passes over a loaded model, as LoadFiles
// does after decoding, and returns what they found, unsorted.
func Validate(m *Model, lang Lang) Diagnostics {
	sink := NewCollector(lang)
	validate(m, sink)
	return sink.Diags
}
