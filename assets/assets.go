// Package assets holds the files built into the binary: the demo
// scorecard workbook loaded on first launch and the application icon. Both
// are generated (go generate ./assets) by synth/cmd/mkdemo and committed.
package assets

import _ "embed"

//go:generate go run ./synth/cmd/mkdemo

// Demo is the demo scorecard workbook (demo.xlsx): 32 indicators for Kent
// and its 12 districts over the 24 months to October 2026, in the house
// layout with District, Data, Targets and Guidance sheets. The figures are
// synthetic, grounded in Kent's published levels; synth.Demo is the model
// they come from.
//
//go:embed demo.xlsx
var Demo []byte

// Icon is the application icon (icon.png): a 256x256 scorecard grid with
// red, amber and green marks.
//
//go:embed icon.png
var Icon []byte
