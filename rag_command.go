package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/app/store"
)

// An authority's RAG rule (QA30 finding 5): kept in the store as a
// setting of its authority, as `authority --districts` keeps its
// districts, and read with the store's history by every command and the
// window.

// ragFlags are rag's --rule and --tolerance, as given.
type ragFlags struct {
	rule, tolerance string
}

func ragRuleFlags(fs *flag.FlagSet, e *env) {
	fs.StringVar(&e.rag.rule, "rule", "", "the `rule`: floor (target and floor, the default), target (the target alone: GREEN or RED) or band (AMBER within a tolerance short of the target)")
	fs.StringVar(&e.rag.tolerance, "tolerance", "", "the band's `tolerance` for indicators whose scorecard gives none: 5% (of the target) or 2 (points)")
}

// runRAG prints the rule the store's authority rates RAG by, or sets it.
func runRAG(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("rag takes no arguments: scorecard rag [--rule floor|target|band] [--tolerance 5%%|2]")
	}
	if e.rag.rule == "" {
		if e.rag.tolerance != "" {
			return usagef("--tolerance goes with --rule band")
		}
		st, err := openReader(e)
		if err != nil && !errors.Is(err, errNoStore) {
			return err
		}
		auth, rule := app.DefaultAuthority(), app.RAGRule{}
		if err == nil {
			defer st.Close()
			if auth, err = st.Authority(); err != nil {
				return err
			}
			if rule, err = store.RAGRuleIn(st); err != nil {
				return err
			}
		}
		printRAGRule(e, auth, rule, "rates")
		fmt.Fprintf(e.out, "  scorecard rag --rule %s [--tolerance 5%%|2] sets another; a stay-close-to-target indicator is rated by its tolerance whatever the rule\n",
			strings.Join(app.RuleNames, "|"))
		return nil
	}
	rule, err := app.ParseRAGRule(e.rag.rule, e.rag.tolerance)
	if err != nil {
		return usagef("%v", err)
	}
	st, err := openStore(e)
	if err != nil {
		return err
	}
	defer st.Close()
	auth, err := st.Authority()
	if err != nil {
		return err
	}
	was, err := store.RAGRuleIn(st)
	if err != nil {
		return err
	}
	if err := store.SetRAGRuleIn(st, rule); err != nil {
		return err
	}
	if was == rule {
		printRAGRule(e, auth, rule, "rates")
		return nil
	}
	printRAGRule(e, auth, rule, "now rates")
	fmt.Fprintf(e.out, "  was: %s\n", was.Words())
	fmt.Fprintln(e.out, "  show, flags, brief, the exports and the window rate every figure by it")
	return nil
}

// printRAGRule says the rule auth rates by: "Southwark rates RAG by
// target alone: GREEN meeting the target, RED not (no AMBER)".
func printRAGRule(e *env, auth *app.Authority, rule app.RAGRule, verb string) {
	fmt.Fprintf(e.out, "%s %s RAG by %s\n", auth.Name, verb, rule.Words())
}
