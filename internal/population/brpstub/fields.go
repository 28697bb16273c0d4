package brpstub

import "strings"

// project keeps of v only what the paths name, each path split at its dots.
// Paths into a date or table value have been cut back to the whole value
// (fieldSet.check). An object that has a type, such as an address
// (verblijfplaats), keeps its type whenever anything of it is kept, as the
// BRP API does. Objects and lists left empty are left out.
func project(v any, paths [][]string) any {
	switch v := v.(type) {
	case map[string]any:
		whole := map[string]bool{}
		deeper := map[string][][]string{}
		for _, p := range paths {
			if len(p) == 1 {
				whole[p[0]] = true
			} else {
				deeper[p[0]] = append(deeper[p[0]], p[1:])
			}
		}
		out := map[string]any{}
		for k, sub := range v {
			switch {
			case whole[k]:
				out[k] = sub
			case deeper[k] != nil:
				if x := project(sub, deeper[k]); !empty(x) {
					out[k] = x
				}
			}
		}
		if t, ok := v["type"]; ok && len(out) > 0 {
			out["type"] = t
		}
		return out
	case []any:
		var out []any
		for _, e := range v {
			if x := project(e, paths); !empty(x) {
				out = append(out, x)
			}
		}
		return out
	}
	return v
}

func empty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case map[string]any:
		return len(v) == 0
	case []any:
		return len(v) == 0
	}
	return false
}

func splitPaths(fields []string) [][]string {
	out := make([][]string, len(fields))
	for i, f := range fields {
		out[i] = strings.Split(f, ".")
	}
	return out
}
