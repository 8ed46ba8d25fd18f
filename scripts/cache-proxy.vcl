vcl 4.1;

# The caching proxy's setups (issue 19), one Varnish listener each, named after the setup:
# scripts/cache-proxy.sh renders this template (@UPSTREAM_HOST@, @UPSTREAM_PORT@, @SHORT_TTL@)
# and starts one varnishd with a listener per setup; test/support/caching-proxy.ts runs the script.
#
# Poisoning setups, each with one fault a real cache or CDN has been seen to have:
#   poison-no-vary        Varnish as shipped: the key is URL + Host, Vary honoured. S3 sends
#                         Vary: Origin only when the request has Origin, so an answer to a request
#                         without Origin is stored without Vary and replayed to CORS requests.
#   poison-origin-replay  Vary dropped from stored answers, key without Origin: the ACAO reflected
#                         for origin A is replayed to origin B.
#   poison-preflight      OPTIONS answers cached for an hour (keyed on method, Origin and the
#                         Access-Control-Request-* headers): after a rule change the old preflight
#                         answer is still served, with its Age.
#   poison-duplicate-acao The proxy adds its own Access-Control-Allow-Origin: * on top of the
#                         bucket's (a CDN transform rule). Varnish cannot send a header line twice,
#                         so the values are joined into one line, "A, *": the same list by RFC 9110
#                         5.3, and refused by browsers the same way (MultipleAllowOriginValues).
#   poison-stale          Keyed on Origin and Vary honoured, but a one-hour TTL and no purge: the
#                         answer made before a CORS rule change is replayed after it.
# Correct setups:
#   correct-vary              Vary honoured, and Vary: Origin added to answers that lack it (what
#                             OSS/COS ResponseVary does), so the no-Origin answer only ever serves
#                             requests without Origin.
#   correct-origin-key        Origin in the cache key.
#   correct-no-preflight-cache  Origin in the key; OPTIONS never cached (Varnish's default: pass).
#   correct-no-cors-headers   Origin in the key; the proxy adds or changes no CORS header.
#   correct-short-ttl         Origin in the key, a TTL of @SHORT_TTL@ and no grace: a rule change
#                             shows once that TTL has run out.
#
# Every answer carries the cache's own signs: X-Varnish (one id on a miss or pass, two on a hit),
# Age, Via, and X-Cache: HIT | MISS | PASS.

backend upstream {
  .host = "@UPSTREAM_HOST@";
  .port = "@UPSTREAM_PORT@";
  .connect_timeout = 5s;
  .first_byte_timeout = 30s;
}

sub vcl_recv {
  if (req.url == "/__cache-proxy/ready") {
    return (synth(200, "ready"));
  }
  # The setup is the listener's name; the backend side reads it from this header (set here
  # whatever the client sent; it reaches the upstream too, harmless: S3 ignores unknown headers and
  # SigV4 signs only the headers it lists). The method is kept too: a miss is fetched as GET.
  set req.http.X-Cache-Proxy-Setup = local.socket;
  set req.http.X-Cache-Proxy-Method = req.method;
  if (req.method == "OPTIONS" && req.http.X-Cache-Proxy-Setup == "poison-preflight") {
    return (hash);
  }
  # Everything else as Varnish ships: GET and HEAD looked up (unless Authorization or Cookie),
  # other methods passed to the upstream.
}

sub vcl_hash {
  if (req.http.X-Cache-Proxy-Setup == "poison-preflight") {
    hash_data(req.method);
    hash_data(req.http.Origin);
    hash_data(req.http.Access-Control-Request-Method);
    hash_data(req.http.Access-Control-Request-Headers);
  } else if (req.http.X-Cache-Proxy-Setup ~ "^(poison-stale|correct-origin-key|correct-no-preflight-cache|correct-no-cors-headers|correct-short-ttl)$") {
    # The prefix keeps "no Origin" apart from any Origin value.
    hash_data("origin:" + req.http.Origin);
  }
  # Then the built-in key: URL and Host.
}

sub vcl_backend_fetch {
  if (bereq.http.X-Cache-Proxy-Method == "OPTIONS") {
    set bereq.method = "OPTIONS";
  }
  unset bereq.http.X-Cache-Proxy-Method;
}

sub vcl_backend_response {
  if (bereq.http.X-Cache-Proxy-Setup == "poison-origin-replay") {
    unset beresp.http.Vary;
  } else if (bereq.http.X-Cache-Proxy-Setup == "poison-preflight" || bereq.http.X-Cache-Proxy-Setup == "poison-stale") {
    set beresp.ttl = 1h;
  } else if (bereq.http.X-Cache-Proxy-Setup == "correct-vary") {
    if (!beresp.http.Vary) {
      set beresp.http.Vary = "Origin";
    } else if (beresp.http.Vary !~ "(?i)(^|[ ,])origin($|[ ,])") {
      set beresp.http.Vary = beresp.http.Vary + ", Origin";
    }
  } else if (bereq.http.X-Cache-Proxy-Setup == "correct-short-ttl") {
    set beresp.ttl = @SHORT_TTL@;
    set beresp.grace = 0s;
    set beresp.keep = 0s;
  }
}

sub vcl_deliver {
  if (req.http.X-Cache-Proxy-Setup == "poison-duplicate-acao") {
    if (resp.http.Access-Control-Allow-Origin) {
      set resp.http.Access-Control-Allow-Origin = resp.http.Access-Control-Allow-Origin + ", *";
    } else {
      set resp.http.Access-Control-Allow-Origin = "*";
    }
  }
  if (obj.uncacheable) {
    set resp.http.X-Cache = "PASS";
  } else if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
}
