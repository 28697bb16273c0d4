package api

import (
	_ "embed"
	"net/http"
	"strconv"
)

//go:embed openapi.json
var openAPIDocument []byte

// openAPI: GET /api/v1/openapi.json, the contract of this API (OpenAPI 3.0).
func (h *Handler) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPIDocument)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
