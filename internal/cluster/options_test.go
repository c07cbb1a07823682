package cluster

import (
	"errors"
	"math"
	"testing"
)

func TestValidate(t *testing.T) {
	if err := DefaultOptions().Validate(); err != nil {
		t.Fatalf("defaults: %v", err)
	}
	for _, tc := range []struct {
		name string
		set  func(*Options)
	}{
		{"no event weights", func(o *Options) { o.EventText, o.EventEntities = 0, 0 }},
		{"negative story weight", func(o *Options) { o.StoryEntities = -1 }},
		{"zero event threshold", func(o *Options) { o.EventThreshold = 0 }},
		{"zero story window", func(o *Options) { o.StoryWindow = 0 }},
		{"negative split", func(o *Options) { o.StorySplitApart = -0.1 }},
		{"merge at the split's silhouette", func(o *Options) { o.StoryMergeApart, o.StorySplitApart = 0.5, 0.5 }},
		{"negative lone threshold", func(o *Options) { o.StoryLoneThreshold = -0.1 }},
		{"signature share above one", func(o *Options) { o.StorySignature = 1.5 }},
		{"negative signature frequency", func(o *Options) { o.StorySignatureDF = -0.1 }},
		{"negative reassignment window", func(o *Options) { o.ArticleRefineWindow = -1 }},
		{"no index terms", func(o *Options) { o.IndexTerms = 0 }},
		{"NaN threshold", func(o *Options) { o.StoryThreshold = math.NaN() }},
		{"NaN penalty", func(o *Options) { o.DatePenalty = math.NaN() }},
		{"infinite weight", func(o *Options) { o.TitleWeight = math.Inf(1) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := DefaultOptions()
			tc.set(&o)
			if err := o.Validate(); !errors.Is(err, ErrOptions) {
				t.Errorf("Validate() = %v, want ErrOptions", err)
			}
			if _, err := New(o); err == nil {
				t.Error("New accepted the options")
			}
		})
	}
	// Merging alone, with the silhouette split off, is fine.
	o := DefaultOptions()
	o.StorySplitApart = 0
	if err := o.Validate(); err != nil {
		t.Errorf("merge without the silhouette split: %v", err)
	}
}
