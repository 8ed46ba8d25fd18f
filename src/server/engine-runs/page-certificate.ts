// A self-signed certificate (P-256, CN "cors-console test page", made with openssl for this
// purpose) for the command's own https pages on 127.0.0.1: a test whose app origin is https://…
// is served from a loopback listener with it, and the engines are told to accept it. Its key
// guards nothing: the listener answers only 127.0.0.1 and serves only the harness page.

export const PAGE_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBsDCCAVWgAwIBAgIUAl2X1kTLLSBnRBy5fyJ5UaBcFIwwCgYIKoZIzj0EAwIw
ITEfMB0GA1UEAwwWY29ycy1jb25zb2xlIHRlc3QgcGFnZTAgFw0yNjEyMDEyMzA3
MDJaGA8yMTI2MTEwNzIzMDcwMlowITEfMB0GA1UEAwwWY29ycy1jb25zb2xlIHRl
c3QgcGFnZTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABC5mKYy2HRfDfcbjYuAk
9U/Ww+kXtQLxe3zP0xpJjwl/DGBQ9JPY96Mc8rDcVL2MUQHQ5N7dLq7mlE3LANKO
1QCjaTBnMB0GA1UdDgQWBBRTPHBRXzqKABiOuu3xKlnubGyRjDAfBgNVHSMEGDAW
gBRTPHBRXzqKABiOuu3xKlnubGyRjDAPBgNVHRMBAf8EBTADAQH/MBQGA1UdEQQN
MAuCCWxvY2FsaG9zdDAKBggqhkjOPQQDAgNJADBGAiEAmG0WDKuxv/4o1I2OY0o0
1HOwddBQAki0AmvtPeGb7wsCIQDbU8JindnSot5en987An2YqwD3sYaHXmpM8v+i
jzMY3A==
-----END CERTIFICATE-----`;

export const PAGE_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgrGhsaCJ0jr/72CEu
9Bh/7egd+GedizIyRq3hevNlXO2hRANCAAQuZimMth0Xw33G42LgJPVP1sPpF7UC
8Xt8z9MaSY8JfwxgUPST2PejHPKw3FS9jFEB0OTe3S6u5pRNywDSjtUA
-----END PRIVATE KEY-----`;
