package cluster

// entry is one weighted term of a sparse vector.
type entry struct {
	id int32
	w  float32
}

// vec is a sparse vector sorted by term id.
type vec []entry
