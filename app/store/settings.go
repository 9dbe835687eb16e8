package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Settings are small values the app keeps between runs (layout profiles,
// CSV mappings, user cohorts, recent files, window layout), grouped in
// named buckets and stored as JSON. They are not versioned: Put replaces.

// Get reads the setting key of bucket into v, reporting whether it exists.
func (s *Bolt) Get(bucket, key string, v any) (found bool, err error) {
	defer guard(s.path, &err)
	err = s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSettings).Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		data := b.Get([]byte(key))
		if data == nil {
			return nil
		}
		found = true
		return json.Unmarshal(data, v)
	})
	if err != nil {
		return found, fmt.Errorf("setting %s/%s: %w", bucket, key, err)
	}
	return found, nil
}

// Put stores v as the setting key of bucket, replacing any earlier value.
func (s *Bolt) Put(bucket, key string, v any) (err error) {
	defer guard(s.path, &err)
	if err := s.markChanging(); err != nil {
		return err
	}
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("setting %s/%s: %w", bucket, key, err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.Bucket(bucketSettings).CreateBucketIfNotExists([]byte(bucket))
		if err != nil {
			return err
		}
		return b.Put([]byte(key), data)
	})
	if err != nil {
		return fmt.Errorf("setting %s/%s: %w", bucket, key, err)
	}
	return nil
}

// Delete removes the setting key of bucket; removing one that is not there
// is not an error.
func (s *Bolt) Delete(bucket, key string) (err error) {
	defer guard(s.path, &err)
	if err := s.markChanging(); err != nil {
		return err
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSettings).Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		return b.Delete([]byte(key))
	})
	if err != nil {
		return fmt.Errorf("setting %s/%s: %w", bucket, key, err)
	}
	return nil
}

// Keys returns the keys of bucket in byte order; none when it is empty or
// has never been written.
func (s *Bolt) Keys(bucket string) (keys []string, err error) {
	defer guard(s.path, &err)
	err = s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSettings).Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, _ []byte) error {
			keys = append(keys, string(k))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("settings %s: %w", bucket, err)
	}
	return keys, nil
}
