package haalcentraal_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"log"
	"math/big"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/population/brpstub"
	"github.com/jeugdketen/jeugdketen/internal/population/haalcentraal"
)

// testCA issues certificates for one test.
type testCA struct {
	t    *testing.T
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pem  []byte
}

func newCA(t *testing.T) *testCA {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Test-CA BRP"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	return &testCA{t: t, cert: cert, key: key, pem: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}

// issue makes a certificate and key for a server (on 127.0.0.1) or a client.
func (ca *testCA) issue(name string, usage x509.ExtKeyUsage) (certPEM, keyPEM []byte) {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{usage},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		ca.t.Fatal(err)
	}
	k, _ := x509.MarshalECPrivateKey(key)
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: k})
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMutualTLSSendsTheClientCertificateAndChecksTheRegisters(t *testing.T) {
	ca := newCA(t)
	dir := t.TempDir()
	serverCert, serverKey := ca.issue("brp.test", x509.ExtKeyUsageServerAuth)
	clientCert, clientKey := ca.issue("verwijsindex.test", x509.ExtKeyUsageClientAuth)
	pair, err := tls.X509KeyPair(serverCert, serverKey)
	if err != nil {
		t.Fatal(err)
	}
	clients := x509.NewCertPool()
	clients.AddCert(ca.cert)
	stub, err := brpstub.New(population.TestPersons())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(stub)
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes below are meant
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{pair}, ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: clients}
	srv.StartTLS()
	defer srv.Close()

	caFile := writeFile(t, dir, "ca.pem", ca.pem)
	withCert := haalcentraal.Config{
		URL: srv.URL, CAFile: caFile, Log: quiet,
		CertFile: writeFile(t, dir, "client.pem", clientCert), KeyFile: writeFile(t, dir, "client.key", clientKey),
	}
	if p, err := newClient(t, withCert).Lookup(ctx, population.BSNTeen); err != nil || p.FamilyName != "Mastenbroek" {
		t.Fatalf("with a client certificate: %+v, %v", p, err)
	}
	// Without a client certificate the register lets nobody in.
	_, err = newClient(t, haalcentraal.Config{URL: srv.URL, CAFile: caFile}).Lookup(ctx, population.BSNTeen)
	if model.ErrorCode(err) != model.EUNAVAILABLE {
		t.Errorf("without a client certificate: %v", err)
	}
	// Nor does the client trust a register its CA file did not sign.
	other := writeFile(t, dir, "other-ca.pem", newCA(t).pem)
	withCert.CAFile = other
	if _, err := newClient(t, withCert).Lookup(ctx, population.BSNTeen); model.ErrorCode(err) != model.EUNAVAILABLE {
		t.Errorf("register with a certificate of another CA: %v", err)
	}
}
