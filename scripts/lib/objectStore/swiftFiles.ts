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
 * runs here: the cache points at a closed port on 127.0.0.1, so every lookup misses quickly and
 * account/container info is read from the servers each time (a test-sized store).
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
use = egg:swift#memcache
memcache_servers = 127.0.0.1:1

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
export const launcherPy = `import sys
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
