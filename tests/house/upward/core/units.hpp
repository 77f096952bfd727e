#pragma once
#include "../report/text.hpp"
