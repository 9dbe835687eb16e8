package app

import "fmt"

// Status, Arrow and RAG are each a small number standing for one of a few
// texts, so that an observation, of which an import makes tens of
// thousands, stays small. These are the one way they turn into their texts
// and back: texts is a code type's texts, indexed by code.

// codeText returns the text of code c, or name(c) for a number no code
// is, which only a fault makes.
func codeText[C ~int8](texts []string, c C, name string) string {
	if c < 0 || int(c) >= len(texts) {
		return fmt.Sprintf("%s(%d)", name, int8(c))
	}
	return texts[c]
}

// codeOf returns the code whose text is t, and false for any other text.
func codeOf[C ~int8, T string | []byte](texts []string, t T) (C, bool) {
	for i, s := range texts {
		if string(t) == s {
			return C(i), true
		}
	}
	return 0, false
}

// unmarshalCode sets *c to the code whose text is b, or says, by refuse
// (a format taking the text), that b is none.
func unmarshalCode[C ~int8](texts []string, b []byte, c *C, refuse string) error {
	v, ok := codeOf[C](texts, b)
	if !ok {
		return fmt.Errorf(refuse, b)
	}
	*c = v
	return nil
}
