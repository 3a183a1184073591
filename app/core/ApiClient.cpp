#include "ApiClient.h"
