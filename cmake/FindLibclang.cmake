# SPDX-License-Identifier: MIT
# Finds libclang >= 17 (needs clang_getCursorBinaryOperatorKind).
# Order: -DLLVM_ROOT=..., then llvm-config named by -DLLVM_CONFIG=...,
# then llvm-config-19/18/17/llvm-config on PATH. Sets LIBCLANG_INCLUDE_DIR
# and LIBCLANG_LIBRARY.
include(CheckSymbolExists)

set(_lc_hints "")
if(LLVM_ROOT)
  list(APPEND _lc_hints "${LLVM_ROOT}")
endif()
if(NOT LLVM_CONFIG)
  find_program(LLVM_CONFIG NAMES llvm-config-19 llvm-config-18 llvm-config-17 llvm-config-20 llvm-config-21 llvm-config)
endif()
if(LLVM_CONFIG AND NOT LLVM_ROOT)
  execute_process(COMMAND "${LLVM_CONFIG}" --prefix OUTPUT_VARIABLE _lc_prefix
                  OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _lc_rc)
  if(_lc_rc EQUAL 0)
    list(APPEND _lc_hints "${_lc_prefix}")
  endif()
endif()
foreach(_v 19 18 17 20 21)
  list(APPEND _lc_hints "/usr/lib/llvm-${_v}")
endforeach()

find_path(LIBCLANG_INCLUDE_DIR clang-c/Index.h HINTS ${_lc_hints} PATH_SUFFIXES include NO_DEFAULT_PATH)
find_library(LIBCLANG_LIBRARY NAMES clang libclang HINTS ${_lc_hints} PATH_SUFFIXES lib NO_DEFAULT_PATH)
if(NOT LIBCLANG_INCLUDE_DIR OR NOT LIBCLANG_LIBRARY)
  message(FATAL_ERROR "libclang >= 17 not found. On Debian/Ubuntu: apt-get install libclang-19-dev; "
                      "elsewhere pass -DLLVM_ROOT=/path/to/llvm or -DLLVM_CONFIG=/path/to/llvm-config")
endif()

set(CMAKE_REQUIRED_INCLUDES "${LIBCLANG_INCLUDE_DIR}")
set(CMAKE_REQUIRED_LIBRARIES "${LIBCLANG_LIBRARY}")
check_symbol_exists(clang_getCursorBinaryOperatorKind "clang-c/Index.h" LIBCLANG_HAS_OPERATOR_KIND)
unset(CMAKE_REQUIRED_INCLUDES)
unset(CMAKE_REQUIRED_LIBRARIES)
if(NOT LIBCLANG_HAS_OPERATOR_KIND)
  message(FATAL_ERROR "libclang at ${LIBCLANG_LIBRARY} is older than 17 "
                      "(no clang_getCursorBinaryOperatorKind); install libclang-19-dev or pass -DLLVM_ROOT")
endif()
message(STATUS "libclang: ${LIBCLANG_LIBRARY} (headers ${LIBCLANG_INCLUDE_DIR})")
