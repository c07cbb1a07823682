package pipeline

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/parallax-news/parallax/internal/annotate"
	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/store"
)

// namesStage gives each article's entities the full names earlier articles
// gave ("Lavrov" → "Sergey Lavrov"), in arrival order, in the writer
// goroutine before the article is stored. The registry behind it is loaded
// from the store on first use and saved at the end of each run (and every
// stateEvery articles); a run that stops before saving loses only what the
// registry learnt since, not any article.
type namesStage struct {
	st      store.Store
	ann     *annotate.Annotator
	ready   bool
	unsaved int
}

// canonicalise gives a's entities their store-wide names, and reports
// whether any changed.
func (n *namesStage) canonicalise(ctx context.Context, a *article.Article) (bool, error) {
	if n == nil {
		return false, nil // annotation is off
	}
	if !n.ready {
		blob, err := n.st.LoadNames(ctx)
		if err != nil {
			return false, err
		}
		if len(blob) > 0 {
			var s entity.RegistryState
			if err := json.Unmarshal(blob, &s); err != nil {
				return false, fmt.Errorf("load names: %w", err)
			}
			n.ann.Registry().Import(s)
		}
		n.ready = true
	}
	renamed := n.ann.Canonicalise(a)
	if n.unsaved++; n.unsaved >= stateEvery {
		return renamed, n.save(ctx)
	}
	return renamed, nil
}

// save stores the registry if it learnt anything since last saved.
func (n *namesStage) save(ctx context.Context) error {
	if n == nil || !n.ready || n.unsaved == 0 {
		return nil
	}
	blob, err := json.Marshal(n.ann.Registry().Export())
	if err != nil {
		return fmt.Errorf("save names: %w", err)
	}
	if err := n.st.SaveNames(ctx, blob); err != nil {
		return err
	}
	n.unsaved = 0
	return nil
}
