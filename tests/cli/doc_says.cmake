# Checks that a documentation file says what the code does: -DFILE=path -DREGEX=re [-DABSENT=re].
cmake_minimum_required(VERSION 3.20)
file(READ "${FILE}" text)
if(NOT text MATCHES "${REGEX}")
  message(FATAL_ERROR "${FILE} does not match: ${REGEX}")
endif()
if(DEFINED ABSENT AND text MATCHES "${ABSENT}")
  message(FATAL_ERROR "${FILE} still says: ${ABSENT}")
endif()
