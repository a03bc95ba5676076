# Installation and the Debian package (included by the top-level
# CMakeLists.txt).
#
#   cmake --install build --prefix P    P/bin/newsfacet, P/share/newsfacet/
#   cd build && cpack -G DEB            newsfacet_VERSION_ARCH.deb
# (after cmake --build build).
#
# The layout is the one analysis/data_files.h looks for relative to
# the executable, so an installed tree can be moved anywhere.

# Installing and packaging take what is built and never start a build (the
# package test runs them from ctest, beside other tests using the build).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

install(TARGETS newsfacet RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_SOURCE_DIR}/schemas/events.json DESTINATION ${CMAKE_INSTALL_DATADIR}/newsfacet)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/schemas/data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/newsfacet/data)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/web/ DESTINATION ${CMAKE_INSTALL_DATADIR}/newsfacet/web)
# The API's contract, for clients (README: the web page uses nothing else).
install(DIRECTORY ${CMAKE_SOURCE_DIR}/schemas/api/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/api)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# systemd looks in lib/systemd/system under /usr; the unit runs /usr/bin/newsfacet,
# the package's path.
install(FILES ${CMAKE_SOURCE_DIR}/packaging/newsfacet.service DESTINATION lib/systemd/system)

set(CPACK_PACKAGE_NAME newsfacet)
set(CPACK_PACKAGE_VENDOR newsfacet)
set(CPACK_PACKAGE_CONTACT "newsfacet maintainers <newsfacet@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "full-text search for news archives, with people, organisations, countries and events")
set(CPACK_PACKAGE_DESCRIPTION
    "newsfacet indexes a directory of news articles (.txt, .json, .jsonl, .html) into a Xapian index whose articles carry entity facets, and serves faceted search to a web page and to scripts as JSON.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://xapian.org")
# Depends: computed by dpkg-shlibdeps from the libraries the binary links
# (libxapian30, libicu72, libxml2, libzstd1, ...): Debian's own packages.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
