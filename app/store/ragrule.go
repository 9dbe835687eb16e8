package store

import (
	"fmt"

	"scorecard/app"
)

// An authority's RAG rule (app.RAGRule) is kept in the store's settings
// beside its districts, by the authority's old LA code, under the same
// bucket and key in every engine, so that a copy between engines keeps
// it and changing the store's authority does not give one council
// another's rule. A store that never set one rates by app.RuleFloor.

// ragRuleKey is the setting holding the rule of a.
func ragRuleKey(a *app.Authority) string { return "rag-rule-" + a.Old }

// RAGRuleIn is the RAG rule of st's authority: the one set with
// SetRAGRuleIn, else the floor rule.
func RAGRuleIn(st Settings) (app.RAGRule, error) {
	a, err := AuthorityIn(st)
	if err != nil {
		return app.RAGRule{}, err
	}
	var r app.RAGRule
	if _, err := st.Get(authorityBucket, ragRuleKey(a), &r); err != nil {
		return app.RAGRule{}, fmt.Errorf("%s: reading the RAG rule: %w", st.Path(), err)
	}
	return r, nil
}

// SetRAGRuleIn makes r the RAG rule of st's authority; the floor rule,
// the default, removes the setting.
func SetRAGRuleIn(st Settings, r app.RAGRule) error {
	a, err := AuthorityIn(st)
	if err != nil {
		return err
	}
	if r == (app.RAGRule{}) {
		return st.Delete(authorityBucket, ragRuleKey(a))
	}
	return st.Put(authorityBucket, ragRuleKey(a), r)
}

// withRAGRule gives h, read from st, the rule its authority rates by.
func withRAGRule(st Settings, h *app.History) (*app.History, error) {
	r, err := RAGRuleIn(st)
	if err != nil {
		return nil, err
	}
	h.SetRAGRule(r)
	return h, nil
}
