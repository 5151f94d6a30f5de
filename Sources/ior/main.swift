print("ior")
