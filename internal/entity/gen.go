package entity

//go:generate go run ./internal/train -templates internal/train/templates.txt -out internal/ner -ecb ../../../shared/data/ecbplus/ecbplus-dev.jsonl
