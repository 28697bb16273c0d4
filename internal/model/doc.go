// Package model holds Jeugdketen's domain types and the pure rules about them:
// who may do what, what a valid citizen service number is, how old a youth is.
// It imports nothing of ours, so every other package can lean on it.
package model
