/**
 * The files a throw-away single-node OpenStack Swift needs (Debian's swift 2.30 packages): its
 * own swift.conf, one config per server, the rings, and a launcher that points Swift at them.
 * Nothing here reads or writes /etc/swift.
 */

export type SwiftLayout = {
  /** swift_dir: swift.conf, the server configs, the rings */
  etcDir: string
  /** `devices`: holds the one device folder, `d1` */
  devicesDir: string
  /** what the servers run as (Swift drops privileges to it) */
  user: string
  ports: { proxy: number; account: number; container: number; object: number }
  /** the tempauth account and user whose key is the S3 secret: access key `account:user` */
  account: string
  userName: string
  secretAccessKey: string
  region: string
}

export const DEVICE = 'd1'

/** The hash prefix and suffix only have to be stable for the store's lifetime. */
export const swiftConf = (hashSuffix: string) => `[swift-hash]
swift_hash_path_suffix = ${hashSuffix}
swift_hash_path_prefix = ${hashSuffix}

[storage-policy:0]
name = Policy-0
default = yes

[swift-constraints]
`

/**
 * Settings every server shares: one process each (`workers = 0`: no forking, so the pid we
 * started is the server), on 127.0.0.1, reading this folder only, no mount check on a plain
 * folder, and warnings only in the log.
 */
const common = (layout: SwiftLayout, port: number) => `[DEFAULT]
bind_ip = 127.0.0.1
bind_port = ${port}
workers = 0
user = ${layout.user}
swift_dir = ${layout.etcDir}
devices = ${layout.devicesDir}
mount_check = false
log_level = WARNING
`

export const accountServerConf = (layout: SwiftLayout) => `${common(layout, layout.ports.account)}
[pipeline:main]
pipeline = healthcheck account-server

[app:account-server]
use = egg:swift#account

[filter:healthcheck]
use = egg:swift#healthcheck
`

export const containerServerConf = (
  layout: SwiftLayout,
) => `${common(layout, layout.ports.container)}
[pipeline:main]
pipeline = healthcheck container-server

[app:container-server]
use = egg:swift#container

[filter:healthcheck]
use = egg:swift#healthcheck
`

export const objectServerConf = (layout: SwiftLayout) => `${common(layout, layout.ports.object)}
[pipeline:main]
pipeline = healthcheck object-server

[app:object-server]
use = egg:swift#object

[filter:healthcheck]
use = egg:swift#healthcheck
`

/**
 * The proxy. Order matters (Swift's s3api docs): `s3api` before the auth middleware
 * (`tempauth`, which checks the S3 signature against the user's key), `slo` after them for
 * multipart uploads, `cache` before both (tempauth refuses to run without one). No memcached
 * here: `cache` is the proxy's own memory (localCachePy), which is what memcache is for one proxy.
 */
export const proxyServerConf = (layout: SwiftLayout) => `${common(layout, layout.ports.proxy)}
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:gatekeeper]
use = egg:swift#gatekeeper

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:proxy-logging]
use = egg:swift#proxy_logging

[filter:cache]
paste.filter_factory = newsroom_localcache:filter_factory

[filter:listing_formats]
use = egg:swift#listing_formats

[filter:s3api]
use = egg:swift#s3api
location = ${layout.region}

[filter:tempauth]
use = egg:swift#tempauth
user_${layout.account}_${layout.userName} = ${layout.secretAccessKey} .admin

[filter:copy]
use = egg:swift#copy

[filter:slo]
use = egg:swift#slo

[filter:dlo]
use = egg:swift#dlo
`

/**
 * Starts one Swift server on a config file, with swift.conf read from swift_dir instead of
 * /etc/swift (the packaged scripts always read /etc/swift/swift.conf).
 * argv: swift_dir, config file, app section.
 */
export const launcherPy = `import ctypes, signal, sys
# Ends with the process that started it, even when that one is killed (SIGKILL) and cannot stop it.
ctypes.CDLL('libc.so.6', use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
from swift.common import utils
utils.set_swift_dir(sys.argv[1])
from swift.common import storage_policy
storage_policy.reload_storage_policies()
from swift.common.wsgi import run_wsgi
sys.exit(run_wsgi(sys.argv[2], sys.argv[3], verbose=True))
`

/**
 * Builds the account, container and object rings (swift-ring-builder's own library, in one
 * Python process instead of nine CLI calls): one region, one zone, one device, one replica.
 * argv: swift_dir, then name=port for each ring.
 */
export const buildRingsPy = `import sys
from swift.common.ring import RingBuilder
swift_dir = sys.argv[1]
for spec in sys.argv[2:]:
    name, port = spec.split('=')
    builder = RingBuilder(4, 1, 1)
    builder.add_dev({'id': 0, 'region': 1, 'zone': 1, 'ip': '127.0.0.1', 'port': int(port),
                     'device': '${DEVICE}', 'weight': 100})
    builder.rebalance()
    builder.save('%s/%s.builder' % (swift_dir, name))
    builder.get_ring().save('%s/%s.ring.gz' % (swift_dir, name))
`

/**
 * What Swift asks of memcache (account and container info, tempauth's tokens and rate counters),
 * kept in the proxy's memory: a single proxy needs no memcached, and Debian's swift does not
 * depend on one. Values are stored serialized, as memcache does, so callers get copies.
 */
export const localCachePy = `import json
import time as _time

MAX_RELATIVE = 30 * 24 * 3600  # memcache reads larger expiry times as a Unix time


class LocalCache(object):
    def __init__(self):
        self.entries = {}

    def _expires(self, timeout):
        if not timeout:
            return None
        return timeout if timeout > MAX_RELATIVE else _time.time() + timeout

    def get(self, key, raise_on_error=False):
        entry = self.entries.get(key)
        if entry is None:
            return None
        expires, value = entry
        if expires is not None and expires < _time.time():
            self.entries.pop(key, None)
            return None
        return json.loads(value)

    def set(self, key, value, serialize=True, time=0, min_compress_len=0, raise_on_error=False):
        self.entries[key] = (self._expires(time), json.dumps(value))

    def incr(self, key, delta=1, time=0):
        value = max(0, int(self.get(key) or 0) + delta)
        self.set(key, value, time=time)
        return value

    def decr(self, key, delta=1, time=0):
        return self.incr(key, -delta, time)

    def delete(self, key, server_key=None):
        self.entries.pop(key, None)

    def set_multi(self, mapping, server_key, serialize=True, time=0, min_compress_len=0):
        for key, value in mapping.items():
            self.set(key, value, time=time)

    def get_multi(self, keys, server_key):
        return [self.get(key) for key in keys]


def filter_factory(global_conf, **local_conf):
    cache = LocalCache()

    def cache_filter(app):
        def middleware(env, start_response):
            env['swift.cache'] = cache
            return app(env, start_response)

        return middleware

    return cache_filter
`

/** Exits 0 when the folder keeps user extended attributes (Swift stores metadata in them). */
export const xattrCheckPy = `import os, sys, tempfile
fd, name = tempfile.mkstemp(dir=sys.argv[1])
try:
    os.setxattr(name, 'user.swift.check', b'1')
    assert os.getxattr(name, 'user.swift.check') == b'1'
finally:
    os.close(fd)
    os.unlink(name)
`
