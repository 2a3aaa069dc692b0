"""What keeps the site standing when it is a target: headers, hosts, limits, staff logins, outages, logs."""
