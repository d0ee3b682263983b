# The SQL files are compiled into the binary, so an installed `supervision` needs no
# sql/ folder beside it and can never run against SQL of another version.
function(embed_sql target sql_root)
  file(GLOB_RECURSE sql_files CONFIGURE_DEPENDS "${sql_root}/*.sql")
  list(SORT sql_files)
  # The list of files is a dependency too: a file renamed, added or removed keeps or has no
  # newer time than the catalogue, and only this listing (rewritten when it changes) makes
  # the catalogue be generated again.
  set(listing "${CMAKE_CURRENT_BINARY_DIR}/sql_files.txt")
  string(JOIN "\n" names ${sql_files})
  file(CONFIGURE OUTPUT "${listing}" CONTENT "${names}\n" @ONLY)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/sql_catalog.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DSQL_ROOT=${sql_root} -DOUT=${out}
            -P "${PROJECT_SOURCE_DIR}/cmake/GenerateSqlCatalog.cmake"
    DEPENDS ${sql_files} "${listing}" "${PROJECT_SOURCE_DIR}/cmake/GenerateSqlCatalog.cmake"
    COMMENT "Embedding SQL files")
  target_sources(${target} PRIVATE "${out}")
endfunction()
