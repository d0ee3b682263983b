# Installation into the Debian places and the .deb (cpack -G DEB), docs/operations.md:
#   /usr/bin/supervision                          the binary (service/CMakeLists.txt), SQL embedded
#   /usr/share/supervision/sql/                   the same SQL, to read before a migration
#   /etc/supervision/supervision.yaml, .env, pgpass   configuration (conffiles)
#   /lib/systemd/system/supervision.{service,timer}  the nightly schedule
#   /usr/share/doc/supervision/                   README, runbook, rules, architecture
# Package dependencies are computed from the binary (dpkg-shlibdeps).

set(SUPERVISION_ETC /etc/supervision)
install(FILES config/supervision.yaml deploy/systemd/supervision.env DESTINATION ${SUPERVISION_ETC})
install(FILES deploy/systemd/pgpass DESTINATION ${SUPERVISION_ETC} PERMISSIONS OWNER_READ OWNER_WRITE)
install(FILES deploy/systemd/supervision.service deploy/systemd/supervision.timer DESTINATION /lib/systemd/system)
install(DIRECTORY sql/ DESTINATION share/supervision/sql FILES_MATCHING PATTERN "*.sql")
install(FILES README.md docs/operations.md docs/architecture.md docs/rules.md
        DESTINATION share/doc/supervision)

set(CPACK_PACKAGE_NAME supervision)
set(CPACK_PACKAGE_VENDOR "supervision project")
set(CPACK_PACKAGE_CONTACT "supervision maintainers <supervision@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "nightly post-permit supervision of residence permits")
set(CPACK_PACKAGE_DESCRIPTION "The nightly batch job that enrols residence permits into supervision, \
matches them against the registers, raises signals and opens revocation reviews in PostgreSQL 15.")
set(CPACK_STRIP_FILES ON)  # the debug info would make the package ten times larger
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata, ca-certificates, passwd")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-15, prometheus-node-exporter")
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)  # fast to build in the test; the size differs little

file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/debian/conffiles"
     "${SUPERVISION_ETC}/supervision.yaml\n${SUPERVISION_ETC}/supervision.env\n${SUPERVISION_ETC}/pgpass\n")
configure_file(deploy/debian/postinst "${CMAKE_CURRENT_BINARY_DIR}/debian/postinst" COPYONLY)
configure_file(deploy/debian/postrm "${CMAKE_CURRENT_BINARY_DIR}/debian/postrm" COPYONLY)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${CMAKE_CURRENT_BINARY_DIR}/debian/conffiles;${CMAKE_CURRENT_BINARY_DIR}/debian/postinst;${CMAKE_CURRENT_BINARY_DIR}/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
